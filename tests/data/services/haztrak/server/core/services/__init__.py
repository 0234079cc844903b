from .rcrainfo_client import RcraClient, get_rcra_client
from .task_status import TaskService, get_task_status

__all__ = [
    "RcraClient",
    "TaskService",
    "get_rcra_client",
    "get_task_status",
]
