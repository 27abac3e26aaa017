"""Parse the query language shared by topics and search into an :class:`~.ast.Query`.

Grammar (precedence from loosest to tightest)::

    query   := or EOF
    or      := and (("OR" | "HOẶC") and)*
    and     := unary ((("AND" | "VÀ")? unary)*          -- juxtaposition means AND
    unary   := ("NOT" | "KHÔNG") unary | near
    near    := primary (("NEAR/n" | "ONEAR/n") primary)?  -- operands: a word or a phrase
    primary := modifier* ("(" or ")" | '"phrase"' | word | word*)
    modifier:= "title:" | "source:" | "exact:"

Matching ignores case and diacritics ("truyen thong" finds "truyền thông", "d" finds "đ").
``exact:`` before a word, phrase or group keeps diacritics (still case-insensitive); the
``exact=True`` argument of :func:`parse` makes that the default for the whole query.

Queries are refused with a :class:`QueryError` when they cannot be evaluated cheaply from an
index: a query must be *anchored* (every match contains at least one positive word), wildcards
need a stem of :data:`MIN_WILDCARD_STEM` letters, and size is bounded.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from lantoa.monitoring.query.ast import (
    DEFAULT_FIELDS,
    And,
    Leaf,
    Near,
    Node,
    Not,
    Or,
    Phrase,
    Query,
    Term,
)
from lantoa.monitoring.query.errors import QueryError
from lantoa.monitoring.query.lexer import Lexeme, lex
from lantoa.monitoring.query.tokens import field_tokens

__all__ = [
    "MAX_DEPTH",
    "MAX_LEAVES",
    "MAX_NEAR_DISTANCE",
    "MAX_PHRASE_WORDS",
    "MAX_QUERY_LENGTH",
    "MIN_WILDCARD_STEM",
    "is_anchored",
    "parse",
]

MAX_QUERY_LENGTH = 1000
MAX_LEAVES = 32
MAX_PHRASE_WORDS = 16
MAX_DEPTH = 8
# PostgreSQL has no NEAR: NEAR/n becomes 2(n+1) phrase alternatives, so n stays small.
MAX_NEAR_DISTANCE = 50
MIN_WILDCARD_STEM = 3

_OPERAND_STARTS = frozenset({"WORD", "PHRASE", "LPAREN", "MODIFIER", "NOT"})
_FIELD_BY_MODIFIER = {"title": frozenset({"title"}), "source": frozenset({"source"})}


@dataclass(frozen=True, slots=True)
class _Located:
    """A node, where it starts, and where the negation that leaves it unanchored starts."""

    node: Node
    position: int
    unanchored_at: int | None = None


@dataclass(frozen=True, slots=True)
class _Context:
    fields: frozenset[str]
    exact: bool


def parse(text: str, *, exact: bool = False) -> Query:
    """Parse ``text``; raise :class:`QueryError` (Vietnamese message, position) if refused."""
    normal = unicodedata.normalize("NFC", text)
    if len(normal) > MAX_QUERY_LENGTH:
        raise QueryError(
            f"Truy vấn quá dài ({len(normal)} ký tự); tối đa {MAX_QUERY_LENGTH} ký tự.",
            position=MAX_QUERY_LENGTH,
        )
    lexemes = lex(normal)
    if not lexemes:
        raise QueryError("Truy vấn trống: hãy nhập ít nhất một từ khoá.", position=0)
    root = _Parser(lexemes, len(normal)).parse(_Context(fields=DEFAULT_FIELDS, exact=exact))
    if root.unanchored_at is not None:
        raise QueryError(
            f"Phần truy vấn ở vị trí {root.unanchored_at + 1} chỉ có phủ định (NOT/KHÔNG): "
            "như vậy phải quét toàn bộ dữ liệu nên không được chấp nhận. Hãy thêm ít nhất "
            "một từ khoá bắt buộc, ví dụ: vắc xin NOT covid.",
            position=root.unanchored_at,
        )
    return Query(text=normal, root=root.node)


def is_anchored(node: Node) -> bool:
    """Whether every document matching ``node`` must contain one of its positive words."""
    if isinstance(node, Not):
        return False
    if isinstance(node, And):
        return any(is_anchored(child) for child in node.children)
    if isinstance(node, Or):
        return all(is_anchored(child) for child in node.children)
    return True


class _Parser:
    """Recursive descent over the lexemes; one instance parses one query."""

    def __init__(self, lexemes: list[Lexeme], length: int) -> None:
        self._lexemes = lexemes
        self._index = 0
        self._length = length
        self._leaf_count = 0

    def parse(self, context: _Context) -> _Located:
        located = self._or(context, depth=0)
        extra = self._peek()
        if extra is not None:
            raise self._unexpected(extra)
        return located

    def _peek(self) -> Lexeme | None:
        return self._lexemes[self._index] if self._index < len(self._lexemes) else None

    def _next(self) -> Lexeme:
        lexeme = self._lexemes[self._index]
        self._index += 1
        return lexeme

    def _at(self, *kinds: str) -> bool:
        lexeme = self._peek()
        return lexeme is not None and lexeme.kind in kinds

    def _or(self, context: _Context, depth: int) -> _Located:
        branches = [self._and(context, depth)]
        while self._at("OR"):
            operator = self._next()
            self._require_operand(operator)
            branches.append(self._and(context, depth))
        if len(branches) == 1:
            return branches[0]
        # An OR is anchored only if every branch is: "a OR NOT b" matches items without "a".
        unanchored = [b.unanchored_at for b in branches if b.unanchored_at is not None]
        return _Located(
            Or(children=_flatten(Or, branches)),
            branches[0].position,
            unanchored[0] if unanchored else None,
        )

    def _and(self, context: _Context, depth: int) -> _Located:
        operands = [self._unary(context, depth)]
        while self._at("AND", *_OPERAND_STARTS):
            if self._at("AND"):
                self._require_operand(self._next())
            operands.append(self._unary(context, depth))
        if len(operands) == 1:
            return operands[0]
        # An AND is anchored if any operand is: "a NOT b" only ever matches items with "a".
        anchored = any(operand.unanchored_at is None for operand in operands)
        return _Located(
            And(children=_flatten(And, operands)),
            operands[0].position,
            None if anchored else operands[0].unanchored_at,
        )

    def _unary(self, context: _Context, depth: int) -> _Located:
        if not self._at("NOT"):
            return self._near(context, depth)
        operator = self._next()
        self._require_operand(operator)
        self._require_depth(operator, depth + 1)
        operand = self._unary(context, depth + 1)
        if isinstance(operand.node, Not):  # NOT NOT x is x; backends need no double negation
            return _Located(operand.node.child, operator.position)
        return _Located(Not(child=operand.node), operator.position, operator.position)

    def _near(self, context: _Context, depth: int) -> _Located:
        left = self._primary(context, depth)
        while self._at("NEAR"):
            operator = self._next()
            if not self._at("WORD", "PHRASE", "MODIFIER", "LPAREN"):
                raise self._missing_operand(operator, "phải")
            right = self._primary(context, depth)
            left = _Located(self._near_node(operator, left.node, right.node), left.position)
        return left

    def _near_node(self, operator: Lexeme, left: Node, right: Node) -> Near:
        where = operator.position + 1
        if not isinstance(left, Term | Phrase) or not isinstance(right, Term | Phrase):
            raise QueryError(
                f"{operator.text} ở vị trí {where} chỉ nối hai từ hoặc hai cụm từ, "
                "không nối một biểu thức hay một NEAR khác.",
                position=operator.position,
            )
        if operator.distance > MAX_NEAR_DISTANCE:
            raise QueryError(
                f"Khoảng cách {operator.text} ở vị trí {where} quá lớn: "
                f"tối đa {MAX_NEAR_DISTANCE} từ.",
                position=operator.position,
            )
        if not left.fields & right.fields:
            raise QueryError(
                f"Hai vế của {operator.text} ở vị trí {where} phải được tìm trong cùng một "
                "trường (tiêu đề, nội dung hoặc nguồn).",
                position=operator.position,
            )
        return Near(left=left, right=right, distance=operator.distance, ordered=operator.ordered)

    def _primary(self, context: _Context, depth: int) -> _Located:
        context = self._modifiers(context)
        lexeme = self._peek()
        if lexeme is None or lexeme.kind not in ("WORD", "PHRASE", "LPAREN"):
            raise self._unexpected(lexeme)
        self._next()
        if lexeme.kind == "LPAREN":
            return self._group(lexeme, context, depth + 1)
        if lexeme.kind == "PHRASE":
            return _Located(self._count(lexeme, _phrase_leaf(lexeme, context)), lexeme.position)
        return _Located(self._count(lexeme, _word_leaf(lexeme, context)), lexeme.position)

    def _modifiers(self, context: _Context) -> _Context:
        while self._at("MODIFIER"):
            modifier = self._next()
            if not self._at("WORD", "PHRASE", "LPAREN", "MODIFIER"):
                raise QueryError(
                    f"Tiền tố '{modifier.text}:' ở vị trí {modifier.position + 1} phải đứng "
                    "ngay trước một từ, một cụm từ hoặc một cặp ngoặc.",
                    position=modifier.position,
                )
            if modifier.text == "exact":
                context = _Context(fields=context.fields, exact=True)
            else:
                context = _Context(fields=_FIELD_BY_MODIFIER[modifier.text], exact=context.exact)
        return context

    def _group(self, opening: Lexeme, context: _Context, depth: int) -> _Located:
        self._require_depth(opening, depth)
        if self._at("RPAREN"):
            raise QueryError(
                f"Cặp ngoặc ở vị trí {opening.position + 1} không có nội dung.",
                position=opening.position,
            )
        inner = self._or(context, depth)
        if not self._at("RPAREN"):
            raise QueryError(
                f"Thiếu dấu ngoặc đóng ')' cho dấu ngoặc mở ở vị trí {opening.position + 1}.",
                position=opening.position,
            )
        self._next()
        return _Located(inner.node, opening.position, inner.unanchored_at)

    def _count(self, lexeme: Lexeme, leaf: Leaf) -> Leaf:
        self._leaf_count += 1
        if self._leaf_count > MAX_LEAVES:
            raise QueryError(
                f"Truy vấn có quá nhiều từ khoá (từ thứ {self._leaf_count} ở vị trí "
                f"{lexeme.position + 1}); tối đa {MAX_LEAVES} từ hoặc cụm từ.",
                position=lexeme.position,
            )
        return leaf

    def _require_operand(self, operator: Lexeme) -> None:
        if not self._at(*_OPERAND_STARTS):
            raise self._missing_operand(operator, "phải")

    def _require_depth(self, lexeme: Lexeme, depth: int) -> None:
        if depth > MAX_DEPTH:
            raise QueryError(
                f"Truy vấn lồng nhau quá sâu ở vị trí {lexeme.position + 1}; "
                f"tối đa {MAX_DEPTH} cấp.",
                position=lexeme.position,
            )

    def _missing_operand(self, operator: Lexeme, side: str) -> QueryError:
        return QueryError(
            f"Toán tử {operator.text} ở vị trí {operator.position + 1} thiếu vế {side}.",
            position=operator.position,
        )

    def _unexpected(self, lexeme: Lexeme | None) -> QueryError:
        if lexeme is None:
            return QueryError(
                f"Truy vấn kết thúc đột ngột ở vị trí {self._length + 1}: thiếu từ khoá.",
                position=self._length,
            )
        if lexeme.kind == "RPAREN":
            return QueryError(
                f"Dấu ngoặc đóng ')' ở vị trí {lexeme.position + 1} không có dấu ngoặc mở "
                "tương ứng hoặc đứng ngay sau một toán tử.",
                position=lexeme.position,
            )
        return self._missing_operand(lexeme, "trái")


def _flatten(kind: type[And] | type[Or], operands: list[_Located]) -> tuple[Node, ...]:
    children: list[Node] = []
    for operand in operands:
        node = operand.node
        children.extend(node.children if isinstance(node, kind) else (node,))
    return tuple(children)


def _word_leaf(lexeme: Lexeme, context: _Context) -> Leaf:
    word, where = lexeme.text, lexeme.position + 1
    wildcard = word.endswith("*")
    stem = word[:-1] if wildcard else word
    if "*" in stem:
        raise QueryError(
            f"Ký tự đại diện '*' trong '{word}' ở vị trí {where} chỉ được đặt ở cuối từ.",
            position=lexeme.position,
        )
    words = _words(stem, context.exact)
    if not words:
        raise QueryError(
            f"'{word}' ở vị trí {where} không chứa chữ hoặc số nào.", position=lexeme.position
        )
    if wildcard:
        return _prefix_leaf(words, lexeme, context)
    return _leaf(words, context)


def _prefix_leaf(words: tuple[str, ...], lexeme: Lexeme, context: _Context) -> Term:
    where = lexeme.position + 1
    if len(words) > 1:
        raise QueryError(
            f"Ký tự đại diện '*' ở vị trí {where} chỉ dùng được sau một từ đơn, "
            f"không sau '{lexeme.text[:-1]}'.",
            position=lexeme.position,
        )
    if len(words[0]) < MIN_WILDCARD_STEM:
        raise QueryError(
            f"Ký tự đại diện '*' ở vị trí {where} cần ít nhất {MIN_WILDCARD_STEM} chữ phía "
            f"trước: '{lexeme.text}' sẽ khớp quá nhiều từ.",
            position=lexeme.position,
        )
    return Term(text=words[0], exact=context.exact, prefix=True, fields=context.fields)


def _phrase_leaf(lexeme: Lexeme, context: _Context) -> Leaf:
    where = lexeme.position + 1
    if "*" in lexeme.text:
        raise QueryError(
            f"Ký tự đại diện '*' không dùng được trong cụm từ ở vị trí {where}.",
            position=lexeme.position,
        )
    words = _words(lexeme.text, context.exact)
    if not words:
        raise QueryError(
            f"Cụm từ trong ngoặc kép ở vị trí {where} không có chữ nào.", position=lexeme.position
        )
    if len(words) > MAX_PHRASE_WORDS:
        raise QueryError(
            f"Cụm từ ở vị trí {where} quá dài; tối đa {MAX_PHRASE_WORDS} từ.",
            position=lexeme.position,
        )
    return _leaf(words, context)


def _words(text: str, exact: bool) -> tuple[str, ...]:
    tokens = field_tokens(text)
    return tokens.exact if exact else tokens.folded


def _leaf(words: tuple[str, ...], context: _Context) -> Leaf:
    if len(words) == 1:
        return Term(text=words[0], exact=context.exact, fields=context.fields)
    return Phrase(words=words, exact=context.exact, fields=context.fields)
