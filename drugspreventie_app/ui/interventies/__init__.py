"""The Interventies tab: faceted finder, guidance, coverage matrix and local interventions."""
