# :rand seeded with an integer, and draws over ranges wider than the generator's 58 bits.
:rand.seed(:exsss, 42)
IO.inspect(for _ <- 1..4, do: :rand.uniform(10))
IO.inspect(Float.round(:rand.uniform(), 6), label: "uniform/0")
IO.inspect(:rand.uniform(1_000_000_000_000_000_000), label: "wide range")
IO.inspect(:rand.uniform(1_152_921_504_606_846_976), label: "a power of two")

:rand.seed(:exsss, -7)
IO.inspect(:rand.uniform(1000), label: "negative seed")

:rand.seed(:exsss, {123_456_789_012_345_678_901_234_567_890, -1, 0})
IO.inspect(:rand.uniform(1000), label: "bignum in the triple")

:rand.seed(:exsss, 2024)
IO.inspect(Enum.take_random(1..5, 10), label: "take more than there are")
IO.inspect(Enum.take_random([:a, :b, :c, :d], 1), label: "take one")
IO.inspect(Enum.shuffle(%{a: 1, b: 2, c: 3}), label: "shuffle a map")
IO.inspect(Enum.random(%{a: 1, b: 2, c: 3}), label: "random map entry")
IO.inspect(Enum.random([:only]), label: "a single element draws nothing")
IO.inspect(Enum.random(5..50//5), label: "random in a stepped range")
IO.inspect(Enum.sum(Enum.take_random(1..300, 200)), label: "sum of a 200-sample")
