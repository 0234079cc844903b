from .profile_tasks import sync_user_rcrainfo_sites_task
from .site_tasks import get_rcra_site_task

__all__ = ["get_rcra_site_task", "sync_user_rcrainfo_sites_task"]
