# Calling functions wrongly: BadArityError, BadFunctionError, FunctionClauseError.
defmodule V do
  def v(x), do: x
end

one = V.v(fn x -> x end)

try do
  one.(1, 2)
rescue
  e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
end

try do
  V.v(fn -> :zero end).(:extra)
rescue
  e in BadArityError -> IO.inspect(e.args, label: "args")
end

try do
  V.v(:not_a_function).(1)
rescue
  e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
end

try do
  V.v(42).()
rescue
  e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
end

try do
  Enum.map([1, 2], V.v(fn a, b -> a + b end))
rescue
  e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
end

try do
  (&V.v/1).(1, 2)
rescue
  e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
end

try do
  V.v(fn :only -> :ok end).(:other)
rescue
  e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
end
