# A pin reads the variable as it was before the match, even where the same
# pattern binds that variable again.
defmodule Pins do
  def tuple do
    x = 1
    {x, ^x} = {2, 1}
    x
  end

  def list_and_map do
    k = :a
    [k, %{^k => v}] = [:b, %{a: 10}]
    {k, v}
  end

  def in_case(x) do
    case {x + 1, x} do
      {x, ^x} -> {:rebound, x}
    end
  end

  def in_fn do
    y = 3
    f = fn {y, ^y} -> y end
    f.({4, 3})
  end

  def in_receive do
    z = :first
    send(self(), {:second, :first})
    receive do
      {z, ^z} -> z
    end
  end

  def failing(a, b) do
    w = 1
    try do
      {w, ^w} = {a, b}
      w
    rescue
      e in MatchError -> {:no_match, e.term}
    end
  end
end

IO.inspect(Pins.tuple())
IO.inspect(Pins.list_and_map())
IO.inspect(Pins.in_case(5))
IO.inspect(Pins.in_fn())
IO.inspect(Pins.in_receive())
IO.inspect(Pins.failing(1, 2))
IO.inspect(Pins.failing(3, 1))
