# Integer division errors are ArithmeticError at run time.
defmodule Num do
  def zero, do: 0
  def atom, do: :one
end

try do
  div(10, Num.zero())
rescue
  e -> IO.inspect(e)
end

try do
  rem(10, Num.zero())
rescue
  e -> IO.puts(Exception.message(e))
end

try do
  10 / Num.zero()
rescue
  e in ArithmeticError -> IO.puts("ArithmeticError: " <> e.message)
end

try do
  1 + Num.atom()
rescue
  e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
end

try do
  Integer.mod(5, Num.zero())
rescue
  e -> IO.puts(Exception.message(e))
end

try do
  div(5.0, Num.zero() + 2)
rescue
  e -> IO.puts("div with a float: " <> Exception.message(e))
end

IO.inspect(10 / 4)
IO.inspect(10 / 5)
