# :rand with a fixed seed gives the same numbers every run (the values depend on OTP's exsss algorithm).
:rand.seed(:exsss, {1, 2, 3})
IO.inspect(for _ <- 1..5, do: :rand.uniform(100))
IO.inspect(:rand.uniform(6))
f = :rand.uniform()
IO.inspect(is_float(f) and f >= 0.0 and f < 1.0, label: "uniform/0 is in [0, 1)")
IO.inspect(:rand.uniform(1_000_000_000_000))

:rand.seed(:exsss, {1, 2, 3})
again = for _ <- 1..5, do: :rand.uniform(100)
IO.inspect(again, label: "reseeded")

:rand.seed(:exsss, {42, 0, 7})
IO.inspect(Enum.shuffle(Enum.to_list(1..10)), label: "shuffle")
IO.inspect(Enum.random(1..1000), label: "Enum.random")
IO.inspect(Enum.take_random(Enum.to_list(1..20), 3), label: "take_random")

parent = self()
spawn(fn ->
  :rand.seed(:exsss, {1, 2, 3})
  send(parent, {:child, :rand.uniform(100)})
end)
receive do
  {:child, n} -> IO.inspect(n, label: "each process has its own seed state")
end
