"""This repository's invoke tasks: warmbuild's own, as any user's repository has them,
plus the benchmark (bench/, not part of the package)."""

from bench.tasks import bench
from warmbuild.tasks import namespace

ns = namespace
ns.add_task(bench)
