# Reading a module attribute that was never set gives nil, with a warning
# Elixir prints as the module body runs: in an attribute's value, in a
# function's head or body, each read once.
defmodule Settings do
  @limit 3
  @fallback @missing_default

  def limit, do: @limit
  def fallback, do: @fallback
  def timeout(ms \\ @default_timeout), do: ms
  def describe(x), do: {x, @limit, @unit, @unit}
end

IO.inspect(Settings.limit())
IO.inspect(Settings.fallback())
IO.inspect(Settings.timeout())
IO.inspect(Settings.describe(:a))
