"""The Preventie- en Handhavingsplan tab: plan list, section editors, plan check."""
