"""The municipalities of the dashboard, in the order of the navigation and the home page.

Adding one: a package in machi/ (its logic, charts, text.toml and manifest.py), a folder in data/ and in
queries/, a page in pages/, and its manifest on this list.
"""

from machi.asaka.manifest import MANIFEST as ASAKA
from machi.osaka.manifest import MANIFEST as OSAKA
from machi.yao.manifest import MANIFEST as YAO
from machi.zushi.manifest import MANIFEST as ZUSHI

MUNICIPALITIES = (ZUSHI, ASAKA, OSAKA, YAO)
