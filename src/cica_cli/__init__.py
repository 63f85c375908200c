"""cica: a cited timeline and facts tool about the Conference on Interaction and
Confidence-Building Measures in Asia (CICA)."""

__version__ = "0.1.0"
