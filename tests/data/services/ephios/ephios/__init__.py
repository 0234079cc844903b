__version__ = "0.0.0"
__version_tuple__ = (0, 0, 0)
