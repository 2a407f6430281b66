# cond, if and unless, and the CondClauseError.
defmodule Grade do
  def letter(score) do
    cond do
      score >= 90 -> "A"
      score >= 80 -> "B"
      score >= 70 -> "C"
      true -> "F"
    end
  end

  def strict(n) do
    cond do
      n > 0 -> :positive
      n < 0 -> :negative
    end
  end

  def v(x), do: x
end

IO.inspect(Enum.map([95, 85, 75, 10], &Grade.letter/1))
IO.inspect(Grade.strict(3))

try do
  Grade.strict(0)
rescue
  e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
end

IO.inspect(cond do
  Grade.v(nil) -> :nil_is_falsy
  Grade.v(0) -> :zero_is_truthy
end)

IO.inspect(if Grade.v(true), do: :yes, else: :no)
IO.inspect(if Grade.v(false), do: :yes)
IO.inspect(if Grade.v(nil), do: :yes, else: :no)
IO.inspect(if Grade.v([]), do: :empty_list_truthy, else: :no)
IO.inspect(unless Grade.v(false), do: :ran_unless)
IO.inspect(unless Grade.v(true), do: :ran_unless)
IO.inspect(unless Grade.v(1), do: :a, else: :b)

value =
  if Grade.v(5) > 3 do
    IO.puts("inside if")
    :big
  else
    :small
  end
IO.inspect(value)

n = Grade.v(4)
msg =
  if rem(n, 2) == 0 do
    "#{n} is even"
  else
    "#{n} is odd"
  end
IO.puts(msg)
