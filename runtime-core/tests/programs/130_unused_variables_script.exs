# Compile-time warnings about variables in a script's top-level code. Elixir
# expands the whole file before running it, so these print before any output;
# a module's own warnings print when the script reaches its defmodule.
IO.puts("first line of output")

# Bound and never read: reported at its line.
count = 10

# Rebound before any read: the first binding is unused, the second is read.
total = 1
total = 2
IO.puts("total: #{total}")

# A clause variable that shadows a top-level one suggests the pin operator.
target = 3

result =
  case 3 do
    target -> :matched_anything
  end

IO.inspect(result)

# Read only in a guard: that is a read.
limit = 5
IO.inspect(Enum.filter([1, 7, 3], fn n when n < limit -> true; _ -> false end))

# Variables bound inside `if` and `case` bodies belong to those bodies.
if total > 1 do
  doubled = total * 2
  IO.puts("bigger")
end

# A division whose divisor is known to be zero is reported by the Erlang
# compiler, after the variable warnings.
zero = 0

try do
  IO.puts(1 / zero)
rescue
  error in ArithmeticError -> IO.puts("rescued: " <> Exception.message(error))
end

# Variables of a fn and of a `for` that are never read.
Enum.each([1], fn item -> :ok end)
for x <- [1, 2], y <- [3], do: IO.inspect(x)

# Every variable visible at a defmodule counts as read (the module body could
# use it), so `before_module` gives no warning.
before_module = 1

defmodule Shapes do
  def area({:square, side}), do: side * side
  def area({:rect, width, height}), do: width * width
end

IO.inspect(Shapes.area({:square, 3}))
after_module = 2
IO.puts("done")
