# Compile-time warnings about variables in function clauses: each says which
# function it is in, and they print when the module is defined, after the
# output of the code above the defmodule.
IO.puts("before the module")

defmodule Warn do
  # Parameters, in the order of their names, after the warnings of any inner
  # clause (which print when that clause ends).
  def params(zulu, alpha, used) do
    case used do
      {:ok, inner} -> :ok
      other -> other
    end
  end

  # Rebinding an unused variable: the second warning suggests the pin operator.
  def rebind do
    x = 1
    x = 2
    :ok
  end

  # Read in a guard, pinned, repeated in a pattern: all reads.
  def guard_only(n) when n > 0, do: :positive
  def pinned(v, expected), do: match?(^expected, v)
  def pair({same, same}), do: :pair

  # Shadowing a parameter in a clause, in a fn head.
  def shadow(value) do
    case Enum.max([value, 0]) do
      value -> :any
    end
  end

  def fn_shadow(value) do
    fn value -> :any end
  end

  # `if` is a case whose else clause comes first; `unless` is the other way round.
  def branches(flag) do
    if flag do
      in_do = 1
    else
      in_else = 2
    end

    unless flag do
      unless_do = 1
    else
      unless_else = 2
    end

    :ok
  end

  # receive clauses and their after.
  def wait(timeout) do
    receive do
      {:msg, payload} -> :got
    after
      timeout -> :timeout
    end
  end

  # try: do, rescue, catch, else, after, in the order written.
  def guarded(f) do
    try do
      inside = f.()
      :ok
    rescue
      e in ArgumentError -> :argument
      e -> :other
    catch
      kind, reason -> :caught
    else
      value -> value
    after
      cleanup = :done
    end
  end

  # for: generators, filters, and a reduce clause.
  def comprehension(list) do
    for a <- list, b = a * 2, into: [], do: a
  end

  def reduce(list) do
    for item <- list, reduce: 0 do
      acc -> 1
    end
  end

  # with: its clauses and do block are one scope; else clauses each one.
  def with_clauses(m) do
    with {:ok, first} <- m,
         second = 2 do
      :ok
    else
      {:error, why} -> :error
      other -> other
    end
  end

  # A variable read only inside a nested fn is read.
  def closure(base) do
    fn -> base end
  end

  # Defaults and multiple clauses: each clause is checked on its own.
  def defaults(a, b \\ 1)
  def defaults(0, b), do: :zero
  def defaults(a, b), do: a

  defp private_helper(unused), do: :ok
  def call_private, do: private_helper(1)

  def divide do
    d = 0
    1 / d
  end
end

IO.inspect(Warn.params(1, 2, {:ok, 3}))
IO.inspect(Warn.pinned(1, 1))
IO.inspect(Warn.pair({2, 2}))
IO.inspect(Warn.comprehension([1, 2]))
IO.inspect(Warn.reduce([1, 2]))
IO.inspect(Warn.with_clauses({:error, :nope}))
IO.inspect(Warn.closure(5).())
IO.inspect(Warn.defaults(0))
IO.inspect(Warn.wait(0))
IO.inspect(Warn.guarded(fn -> raise ArgumentError end))
