# Process.sleep orders what processes do; messages from one sender arrive in send order.
parent = self()

for {name, delay} <- [{:slow, 60}, {:fast, 10}, {:medium, 30}] do
  spawn(fn ->
    Process.sleep(delay)
    send(parent, {:done, name})
  end)
end

order =
  for _ <- 1..3 do
    receive do
      {:done, name} -> name
    end
  end
IO.inspect(order, label: "finish order")

sender =
  spawn(fn ->
    for i <- 1..10, do: send(parent, {:seq, i})
  end)
IO.inspect(is_pid(sender))

seq =
  for _ <- 1..10 do
    receive do
      {:seq, i} -> i
    end
  end
IO.inspect(seq, label: "from one sender, in order")

printer = fn label, delay ->
  spawn(fn ->
    Process.sleep(delay)
    IO.puts("#{label} after #{delay} ms")
    send(parent, :printed)
  end)
end

printer.("third", 90)
printer.("first", 10)
printer.("second", 50)
for _ <- 1..3, do: receive(do: (:printed -> :ok))
IO.puts("main continues")
IO.inspect(Process.sleep(1))
