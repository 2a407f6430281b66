# A name that is not a variable but a function of no arguments is called, with
# a warning where it is written; piping into a bare name is a call too and
# gets none.
defmodule Clock do
  def now, do: ticks
  def label(value), do: value |> describe
  defp ticks, do: 42
  defp describe(value), do: "t=#{value}"
end

me = self
IO.inspect(is_pid(me))
IO.puts(Clock.label(Clock.now()))
IO.inspect(is_reference(make_ref))
