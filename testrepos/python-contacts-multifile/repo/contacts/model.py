"""The contact record shared by the reader and the writers."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Contact:
    """One person: a display name, an email address and free-form tags."""

    name: str
    email: str
    tags: tuple = field(default_factory=tuple)

    @property
    def family_name(self):
        return self.name.rsplit(" ", 1)[-1] if " " in self.name else self.name

    @property
    def given_name(self):
        return self.name.rsplit(" ", 1)[0] if " " in self.name else ""
