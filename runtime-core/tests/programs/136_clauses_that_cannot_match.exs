# A clause after one that matches anything can never run. The Erlang compiler
# says so when it compiles the module, next to its other warnings, in line
# order; a case on a value known at compile time is folded away instead.
defmodule Order do
  def factorial(n), do: n * 1
  def factorial(0), do: 1

  def classify(value) do
    case value do
      other -> {:other, other}
      0 -> :zero
    end
  end

  def guarded(value) do
    case value do
      n when is_integer(n) -> :integer
      n -> {:any, n}
    end
  end

  def constant do
    k = 5

    case k do
      n -> n
      2 -> :two
    end
  end

  def handler do
    fn
      message -> message
      :stop -> :stopped
    end
  end

  def next_message do
    receive do
      message -> message
      {:urgent, m} -> m
    after
      0 -> :empty
    end
  end

  def divide(x) do
    zero = 0
    div(x, zero)
  end
end

IO.inspect(Order.factorial(3))
IO.inspect(Order.classify(0))
IO.inspect(Order.guarded(:a))
IO.inspect(Order.constant())
IO.inspect(Order.handler().(:stop))
send(self(), {:urgent, 1})
IO.inspect(Order.next_message())
