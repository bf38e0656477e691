from dataclasses import dataclass
from datetime import date

from pydantic import BaseModel


@dataclass
class Patient:
    mrn: str
    full_name: str
    birth_date: date
    ward: str


class ContactForm(BaseModel):
    email: str
    phone_number: str
    message: str


@dataclass
class Ward:
    code: str
    beds: int
