# Anonymous functions: clauses, closures, captures and arity.
add = fn a, b -> a + b end
IO.inspect(add.(1, 2))

describe = fn
  0 -> "zero"
  n when n < 0 -> "negative"
  n when is_integer(n) -> "positive"
  _ -> "not an integer"
end
IO.inspect(Enum.map([0, -3, 8, :x], describe))

base = 100
add_base = fn x -> x + base end
base = 0
IO.inspect({add_base.(1), base})

make_counter = fn start -> fn step -> start + step end end
from_ten = make_counter.(10)
IO.inspect(from_ten.(5))

zero_arity = fn -> :called end
IO.inspect(zero_arity.())

IO.inspect(Enum.map([1, 2, 3], &Integer.to_string/1))
IO.inspect(Enum.map(["a", "b"], &String.upcase/1))
IO.inspect(Enum.reduce([1, 2, 3], 0, &+/2))
IO.inspect(Enum.map([1, 2], &(&1 * &1)))
IO.inspect((&(&1 + &2)).(3, 4))
IO.inspect(Enum.map([:a, :b], &{&1, :tagged}))
IO.inspect(Enum.map([1, 2], &[&1]))
IO.inspect(Enum.map([1, 2], & &1))
IO.inspect(Enum.map([%{n: 1}], & &1.n))
IO.inspect((&Kernel.max/2).(3, 9))
IO.inspect((&max/2).(3, 9))
IO.inspect(:erlang.fun_info(add)[:arity])
IO.inspect(is_function(add, 2))
IO.inspect(is_function(add, 1))
IO.inspect(Function.info(&String.length/1)[:name])

defmodule Higher do
  def twice(f, x), do: f.(f.(x))
  def compose(f, g), do: fn x -> g.(f.(x)) end
  def apply_all(fs, x), do: Enum.map(fs, fn f -> f.(x) end)
  def local(x), do: x * 3
  def capture_local, do: &local/1
end

IO.inspect(Higher.twice(&(&1 * 10), 2))
IO.inspect(Higher.compose(&(&1 + 1), &(&1 * 2)).(5))
IO.inspect(Higher.apply_all([&(&1 + 1), &(&1 - 1), &Higher.local/1], 10))
IO.inspect(Higher.capture_local().(4))
IO.inspect(apply(Higher, :local, [5]))
IO.inspect(apply(fn a, b -> a - b end, [10, 4]))

fact = fn
  0, _self -> 1
  n, self -> n * self.(n - 1, self)
end
IO.inspect(fact.(10, fact))
