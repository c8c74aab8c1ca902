"""Curation Studio: turn raw conversations into fine-tuning data a team can trust."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("curation-studio")
except PackageNotFoundError:  # running from a source tree without an install
    __version__ = "0.0.0"

__all__ = ["__version__"]
