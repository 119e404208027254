import os
import sys
from pathlib import Path

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
# tests must not reuse each other's results; tests/test_speed_features.py turns the cache on where it is tested
os.environ["CHATLINT_NO_CACHE"] = "1"
sys.path.insert(0, str(Path(__file__).resolve().parent))
