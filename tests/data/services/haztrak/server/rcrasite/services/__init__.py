from .rcra_site import RcraSiteService, query_rcra_sites
from .rcra_site_search import RcraSiteSearch

__all__ = ["RcraSiteSearch", "RcraSiteService", "query_rcra_sites"]
