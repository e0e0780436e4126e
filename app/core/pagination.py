"""``page``/``page_size`` query parameters and the ``Page[T]`` envelope every list returns."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Generic, TypeVar

from fastapi import Depends, Query
from pydantic import BaseModel, Field

T = TypeVar("T")

PAGE_SIZE_MAX = 100


@dataclass(frozen=True, slots=True)
class PageParams:
    page: int
    page_size: int

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size


async def _page_params(
    page: Annotated[int, Query(ge=1, le=1_000_000, description="1-based page number")] = 1,
    page_size: Annotated[int, Query(ge=1, le=PAGE_SIZE_MAX, description="Items per page")] = 20,
) -> PageParams:
    return PageParams(page=page, page_size=page_size)


# async, like every dependency: FastAPI runs a plain def in the threadpool, and a request
# that holds a database connection must not yield the event loop (under load, the pool runs
# dry while the loop is blocked waiting for it).
PageDep = Annotated[PageParams, Depends(_page_params)]


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int = Field(ge=0, description="Items matching the filters, across all pages")
    page: int = Field(ge=1)
    page_size: int = Field(ge=1)

    @classmethod
    def of(cls, items: list[T], total: int, params: PageParams) -> Page[T]:
        return cls(items=items, total=total, page=params.page, page_size=params.page_size)
