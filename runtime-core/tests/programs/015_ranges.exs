# Ranges.
IO.inspect(1..10)
IO.inspect(10..1//-1)
IO.inspect(1..10//3)
IO.inspect(Enum.to_list(1..5))
IO.inspect(Enum.to_list(5..1//-1))
IO.inspect(Enum.to_list(1..10//3))
IO.inspect(Enum.to_list(1..0//1))
IO.inspect(Enum.to_list(0..-2//-1))
IO.inspect(Enum.sum(1..100))
IO.inspect(Enum.map(1..3, &(&1 * 2)))
IO.inspect(Enum.count(1..1_000_000))
IO.inspect(Enum.reverse(1..4))
IO.inspect(5 in 1..10)
IO.inspect(11 in 1..10)
IO.inspect(4 in 1..10//3)
IO.inspect(5 in 1..10//3)
IO.inspect(2.5 in 1..10)
IO.inspect(Range.size(1..10//2))
IO.inspect(first..last//step = 3..9//2)
IO.inspect({first, last, step})
IO.inspect(for i <- 1..3, j <- 1..i, do: {i, j})
IO.inspect(Enum.to_list(?a..?e))
IO.inspect(Enum.take(1..1_000_000_000, 3))
IO.inspect(1..3 == 1..3//1)
IO.inspect(is_struct(1..3))

x = 7
result =
  case x do
    n when n in 1..5 -> :low
    n when n in 6..10 -> :high
  end
IO.inspect(result)
