"""warmbuild: fast, trustworthy container builds for Python applications."""
