# Values computed and dropped in the middle of a block. Elixir warns about a
# literal (naming no line: a literal carries none), a variable or a module
# attribute there as it expands the code; the Erlang compiler, which compiles
# the script's code too, warns about an operator or a built-in whose result
# nobody uses, also inside the branches of an `if` or a `case` and inside a
# tuple, sorted by line.
total = 10
total + 1
"a note"
total == 10
self()
total

defmodule Stats do
  @limit 100

  def summary(values) do
    unused = length(values)
    :ok
    42
    @limit
    values
    length(values)
    elem({values}, 0)
    is_list(values)
    {hd(values) * 2, max(1, 2)}
    Enum.sum(values) / 2

    if values != [] do
      -hd(values)
    end

    case values do
      [first | _] -> first + 1
      [] -> nil
    end

    div(Enum.sum(values), 2) > 1 and rem(3, 2) == 1
    Enum.sum(values) - 1
  end
end

IO.inspect(Stats.summary([1, 2, 3]))
IO.puts(total)
