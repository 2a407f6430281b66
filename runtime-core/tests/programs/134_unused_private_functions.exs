# Private functions that no public function reaches, and defaults that no call
# uses: Elixir reports them once the module body has run, sorted by name and
# arity, before the Erlang compiler's own warnings about the module.
defmodule Report do
  def render(rows) do
    rows
    |> Enum.map(&line/1)
    |> join()
  end

  def title(text), do: pad(text, 12)

  def total(rows), do: sum(rows, 0, :plain)

  # Reached through a capture, a pipe and a plain call.
  defp line({name, value}), do: "#{name}: #{value}"
  defp join(lines), do: Enum.join(lines, "\n")

  # Every call gives both arguments: the default is never used.
  defp pad(text, width \\ 10), do: String.pad_trailing(text, width)

  # Two of three defaults are always given.
  defp sum(rows, acc \\ 0, style \\ :plain, unit \\ "")
  defp sum([], acc, _style, _unit), do: acc
  defp sum([{_, v} | rest], acc, style, unit), do: sum(rest, acc + v, style, unit)

  # Called only by another unused function, or only by itself.
  defp unused_caller(x), do: unused_callee(x)
  defp unused_callee(x), do: x
  defp countdown(0), do: :done
  defp countdown(n), do: countdown(n - 1)

  # Same name, two arities, neither reached.
  defp helper, do: :helper
  defp helper(x), do: x

  def divide do
    zero = 0
    div(10, zero)
  end
end

IO.puts(Report.render([{"a", 1}, {"b", 2}]))
IO.inspect(Report.title("x"))
IO.inspect(Report.total([{"a", 1}, {"b", 2}]))
