# Guard expressions: comparisons, boolean operators, in, and guard-safe functions.
defmodule G do
  def cmp(a, b) when a > b, do: :gt
  def cmp(a, b) when a < b, do: :lt
  def cmp(a, b) when a == b and a === b, do: :same
  def cmp(_, _), do: :equal_but_not_same

  def small(n) when n in [1, 2, 3] or n in 10..12, do: :small
  def small(n) when not is_integer(n), do: :not_integer
  def small(_), do: :other

  def short(l) when length(l) < 3, do: :short
  def short(l) when is_list(l), do: :long

  def sizes(m, t) when map_size(m) == 1 and tuple_size(t) == 2, do: :one_and_two
  def sizes(_, _), do: :other

  def first_ok(t) when elem(t, 0) == :ok, do: true
  def first_ok(_), do: false

  def head_tail(l) when hd(l) == 1 and tl(l) == [], do: :just_one
  def head_tail(_), do: :other

  def arith(n) when is_integer(n) and abs(n) > 10 and rem(n, 2) == 0 and div(n, 4) != 0, do: :big_even
  def arith(_), do: :other

  def strings(s) when byte_size(s) > 3, do: :long_string
  def strings(_), do: :short_string

  def either(x) when is_atom(x) when is_binary(x), do: :atom_or_binary
  def either(_), do: :neither

  def multi(a, b) when is_integer(a) and is_integer(b) and a + b > 10 and a * b < 100, do: :ok
  def multi(_, _), do: :no
end

IO.inspect({G.cmp(2, 1), G.cmp(1, 2), G.cmp(1, 1), G.cmp(1, 1.0)})
IO.inspect(Enum.map([1, 3, 4, 11, :x, 2.0], &G.small/1))
IO.inspect({G.short([1]), G.short([1, 2, 3])})
IO.inspect({G.sizes(%{a: 1}, {1, 2}), G.sizes(%{}, {1, 2})})
IO.inspect({G.first_ok({:ok, 1}), G.first_ok({:error, 1})})
IO.inspect({G.head_tail([1]), G.head_tail([1, 2]), G.head_tail([2])})
IO.inspect(Enum.map([12, -12, 11, 4], &G.arith/1))
IO.inspect({G.strings("abcd"), G.strings("ab")})
IO.inspect({G.either(:a), G.either("b"), G.either(1)})
IO.inspect({G.multi(5, 6), G.multi(50, 60), G.multi(:a, 1)})
