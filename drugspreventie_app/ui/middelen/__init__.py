"""The Middelen tab: factsheet list, detail view, handouts and printing."""
