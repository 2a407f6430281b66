# Default arguments, private functions and module attributes as constants.
defmodule Greeter do
  @greeting "Hello"
  @punctuation "!"
  @limits %{max: 3, min: 1}
  @names [:ada, :grace]

  def greet(name, greeting \\ @greeting, times \\ 1) do
    Enum.map_join(1..times, " ", fn _ -> build(greeting, name) end)
  end

  def limits, do: @limits
  def names, do: @names
  def max, do: @limits.max

  # A function head declares the defaults once for several clauses.
  def describe(value, style \\ :short)
  def describe(value, :short) when is_integer(value), do: "int"
  def describe(value, :long) when is_integer(value), do: "an integer: #{value}"
  def describe(_value, _style), do: "something"

  defp build(greeting, name), do: "#{greeting}, #{name}#{@punctuation}"
end

IO.puts(Greeter.greet("Ada"))
IO.puts(Greeter.greet("Ada", "Hi"))
IO.puts(Greeter.greet("Ada", "Yo", 3))
IO.inspect(Greeter.limits())
IO.inspect(Greeter.names())
IO.inspect(Greeter.max())
IO.puts(Greeter.describe(1))
IO.puts(Greeter.describe(1, :long))
IO.puts(Greeter.describe(:x))
IO.inspect(function_exported?(Greeter, :greet, 1))
IO.inspect(function_exported?(Greeter, :greet, 3))
IO.inspect(function_exported?(Greeter, :build, 2))

try do
  apply(Greeter, :build, ["a", "b"])
rescue
  e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
end

defmodule Counter do
  @start 10
  def start, do: @start
  @start 20
  def later, do: @start
end

IO.inspect({Counter.start(), Counter.later()})
