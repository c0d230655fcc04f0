"""The Preventie- en Handhavingsplan: model, template, guiding questions, plan check."""
