# spawn, send and receive between processes.
parent = self()

child =
  spawn(fn ->
    receive do
      {:ping, from} -> send(from, {:pong, self()})
    end
  end)

send(child, {:ping, parent})

receive do
  {:pong, ^child} -> IO.puts("got pong from the child")
end

IO.inspect(send(self(), :to_myself))
receive do
  msg -> IO.inspect(msg, label: "received")
end

echo =
  spawn(fn ->
    loop = fn loop ->
      receive do
        {:echo, from, msg} ->
          send(from, {:echoed, msg})
          loop.(loop)

        :stop ->
          :ok
      end
    end
    loop.(loop)
  end)

for word <- ["one", "two", "three"] do
  send(echo, {:echo, self(), word})
  receive do
    {:echoed, w} -> IO.puts("echo: #{w}")
  end
end

send(echo, :stop)
Process.sleep(10)
IO.inspect(Process.alive?(echo), label: "echo alive after stop")

workers = for i <- 1..5, do: spawn(fn -> send(parent, {:square, i, i * i}) end)
IO.inspect(length(workers))

results =
  for i <- 1..5 do
    receive do
      {:square, ^i, sq} -> sq
    end
  end
IO.inspect(results)
IO.inspect(is_pid(spawn(fn -> :ok end)))
IO.inspect(self() == parent)
