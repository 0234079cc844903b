"""Example backend for warmbuild: image statistics (OpenCV, SciPy, NumPy) and OCR (Tesseract)."""
