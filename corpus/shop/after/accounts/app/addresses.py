"""Delivery addresses of the accounts, mapped with SQLAlchemy's declarative ORM."""

from sqlalchemy import Column, Integer, String
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Address(Base):
    """A delivery address of an account (table addresses)."""

    __tablename__ = "addresses"

    id = Column(Integer, primary_key=True)
    user_id = Column(Integer, nullable=False)
    street = Column(String(200), nullable=False)
    city = Column(String(100), nullable=False)
    postcode = Column(String(16))


def add_address(session, uid, street, city, postcode):
    """POST /accounts/addresses: store a new delivery address."""
    session.add(Address(user_id=uid, street=street, city=city, postcode=postcode))
    session.commit()


def addresses_of(session, uid):
    """The delivery addresses of an account."""
    return session.query(Address).filter(Address.user_id == uid).all()
