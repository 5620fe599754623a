"""Program-health rules, one module per subject; see core.health."""
