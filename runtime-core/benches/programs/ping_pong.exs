# Two processes exchanging 1 000 000 messages (500 000 pings, 500 000 pongs).
defmodule PingPong do
  @rounds 500_000

  def run do
    pong = spawn(fn -> pong_loop() end)
    ping(pong, @rounds)
    send(pong, :stop)
    IO.puts(@rounds * 2)
  end

  defp ping(_pong, 0), do: :ok

  defp ping(pong, n) do
    send(pong, {:ping, self()})

    receive do
      :pong -> ping(pong, n - 1)
    end
  end

  defp pong_loop do
    receive do
      {:ping, from} ->
        send(from, :pong)
        pong_loop()

      :stop ->
        :ok
    end
  end
end

PingPong.run()
