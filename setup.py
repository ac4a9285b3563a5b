# A shim for scrapyd-deploy, which runs `python setup.py bdist_egg` and writes its own setup.py
# (no package data, every folder a package) when there is none. All configuration is in pyproject.toml.
from setuptools import setup

setup()
