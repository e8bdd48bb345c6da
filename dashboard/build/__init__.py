"""``python -m dashboard.build``: the documented command, a thin entry point over ``dashboard.pipeline``."""
