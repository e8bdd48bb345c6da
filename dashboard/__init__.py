"""Arabic news analytics: build a dataset from raw articles, explore it in Streamlit."""

__version__ = "0.1.0"
