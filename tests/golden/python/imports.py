import os
import os.path
import app.util as u, json
from app.models import User as U, Order
from .util import log_user
from ..core.db import session
from . import helpers
from .. import config
from typing import *
from __future__ import annotations
