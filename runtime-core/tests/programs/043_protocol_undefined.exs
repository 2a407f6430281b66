# Interpolating or printing terms that have no String.Chars implementation.
defmodule P do
  def v(x), do: x

  def try_interpolate(value) do
    try do
      IO.puts("value: #{value}")
    rescue
      e in Protocol.UndefinedError ->
        IO.puts(Exception.message(e))
        IO.inspect({e.protocol, e.value})

      e ->
        IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
    end
  end
end

P.try_interpolate(P.v({1, 2}))
P.try_interpolate(P.v(%{a: 1}))
P.try_interpolate(P.v(self()) |> is_pid())
P.try_interpolate(P.v([1, {2}]))
P.try_interpolate(P.v(1..2))

try do
  IO.puts(P.v({:tuple}))
rescue
  e -> IO.puts("IO.puts of a tuple: #{inspect(e.__struct__)}: #{Exception.message(e)}")
end

try do
  Enum.each(P.v({1, 2}), & &1)
rescue
  e -> IO.puts(Exception.message(e))
end

try do
  to_string(P.v(%{}))
rescue
  e -> IO.puts(Exception.message(e))
end

try do
  Enum.count(P.v(:atom))
rescue
  e -> IO.puts(Exception.message(e))
end
