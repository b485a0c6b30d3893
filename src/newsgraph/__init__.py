"""newsgraph: who said what, about whom, and when, from raw news pages."""
from .records import SCHEMA_VERSION, ArticleRecord, ErrorRecord

__version__ = "0.1.0"
__all__ = ["ArticleRecord", "ErrorRecord", "SCHEMA_VERSION", "__version__"]
