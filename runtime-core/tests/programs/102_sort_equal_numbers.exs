# Integers and floats that compare equal (1 == 1.0): the order Enum.sort leaves them in is lists:sort's.
IO.inspect(Enum.sort([1.0, 1, 0.5, 2]))
IO.inspect(Enum.sort([1, 1.0, 2.0, 2, 1, 1.0]))
IO.inspect(Enum.sort([3, 2.0, 1, 3.0, 2, 1.0, 3, 2.0, 1]))
IO.inspect(Enum.sort([2, 1.0, 1, 2.0, 1.0, 2, 1, 2.0, 1.0, 1, 2, 1.0]))
IO.inspect(:lists.sort([{1, :a}, {1.0, :a}, {0, :z}, {1, :a}, {1.0, :b}]))

# Sorting with a function (or :desc) is stable: equal elements keep their order.
IO.inspect(Enum.sort([1, 1.0, 2.0, 2, 1, 1.0], :desc))
IO.inspect(Enum.sort([1, 1.0, 2.0, 2, 1, 1.0], &<=/2))
IO.inspect(Enum.sort([1, 1.0, 2.0, 2, 1, 1.0], &>=/2))
IO.inspect(Enum.sort_by([{:a, 1}, {:b, 1.0}, {:c, 0}, {:d, 1}], fn {_, n} -> n end))

# A longer list, built without randomness.
list = for i <- 1..40, do: if(rem(i * 7, 3) == 0, do: rem(i, 4) * 1.0, else: rem(i * 5, 4))
IO.inspect(Enum.sort(list), limit: :infinity)
IO.inspect(Enum.max([1, 1.0]), label: "max")
IO.inspect(Enum.min([1.0, 1]), label: "min")
