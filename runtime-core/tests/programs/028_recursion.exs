# Deep body recursion and a long tail-recursive loop.
defmodule Rec do
  def sum_to(0), do: 0
  def sum_to(n), do: n + sum_to(n - 1)

  def build(0), do: []
  def build(n), do: [n | build(n - 1)]

  def loop(0, acc), do: acc
  def loop(n, acc), do: loop(n - 1, acc + rem(n, 7))

  def count_down(n) when n > 0, do: count_down(n - 1)
  def count_down(0), do: :liftoff

  def fib(0), do: 0
  def fib(1), do: 1
  def fib(n), do: fib(n - 1) + fib(n - 2)

  def ackermann(0, n), do: n + 1
  def ackermann(m, 0), do: ackermann(m - 1, 1)
  def ackermann(m, n), do: ackermann(m - 1, ackermann(m, n - 1))

  def even?(0), do: true
  def even?(n), do: odd?(n - 1)
  def odd?(0), do: false
  def odd?(n), do: even?(n - 1)
end

IO.puts(Rec.sum_to(100_000))
IO.puts(length(Rec.build(100_000)))
IO.puts(Rec.loop(10_000_000, 0))
IO.inspect(Rec.count_down(1_000_000))
IO.puts(Rec.fib(20))
IO.puts(Rec.ackermann(2, 3))
IO.inspect({Rec.even?(100_001), Rec.odd?(100_001)})
