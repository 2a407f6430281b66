# A guard that would raise simply fails, and the next clause is tried.
defmodule Safe do
  def first(x) when hd(x) > 0, do: :positive_head
  def first(_), do: :fallback

  def size(x) when length(x) > 2, do: :long
  def size(x) when map_size(x) > 0, do: :non_empty_map
  def size(_), do: :neither

  def elem0(t) when elem(t, 0) == :ok, do: :ok_tuple
  def elem0(_), do: :not_ok_tuple

  def math(x) when div(10, x) > 1, do: :divides
  def math(_), do: :failed_division

  def plus(x) when x + 1 > 0, do: :numeric
  def plus(_), do: :not_numeric

  def only(x) when is_integer(x), do: x
end

IO.inspect({Safe.first([5]), Safe.first([]), Safe.first(:atom)})
IO.inspect({Safe.size([1, 2, 3]), Safe.size(%{a: 1}), Safe.size(:atom), Safe.size(%{})})
IO.inspect({Safe.elem0({:ok}), Safe.elem0({}), Safe.elem0([:ok])})
IO.inspect({Safe.math(2), Safe.math(0), Safe.math(:a)})
IO.inspect({Safe.plus(1), Safe.plus("1")})

try do
  Safe.only(:not_an_integer)
rescue
  e in FunctionClauseError ->
    IO.puts(Exception.message(e))
    IO.inspect({e.module, e.function, e.arity})
end

f = fn
  x when x > 0 -> :pos
  x when x < 0 -> :neg
end

try do
  f.(0)
rescue
  e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
end
