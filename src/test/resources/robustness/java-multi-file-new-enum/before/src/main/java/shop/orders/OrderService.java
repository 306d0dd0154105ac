package shop.orders;

import java.time.Clock;
import java.util.List;
import java.util.NoSuchElementException;

/** Use cases around orders: place, pay, list what is still open. */
public class OrderService {

    private final OrderRepository repository;
    private final PaymentGateway payments;
    private final Clock clock;

    public OrderService(OrderRepository repository, PaymentGateway payments, Clock clock) {
        this.repository = repository;
        this.payments = payments;
        this.clock = clock;
    }

    public Order place(String customerId, List<Order.OrderLine> lines) {
        Order order = new Order(repository.nextId(), customerId, lines, clock.instant());
        repository.save(order);
        return order;
    }

    public void pay(long orderId, String cardToken) {
        Order order = find(orderId);
        payments.charge(cardToken, order.total());
        order.markPaid();
        repository.save(order);
    }

    public List<Order> unpaid(String customerId) {
        return repository.findByCustomer(customerId).stream()
                .filter(order -> !order.isPaid())
                .toList();
    }

    private Order find(long orderId) {
        return repository.findById(orderId)
                .orElseThrow(() -> new NoSuchElementException("no order with id " + orderId));
    }

    /** The outside world that takes money. */
    public interface PaymentGateway {
        void charge(String cardToken, java.math.BigDecimal amount);
    }

    /** Storage for orders. */
    public interface OrderRepository {
        long nextId();

        void save(Order order);

        java.util.Optional<Order> findById(long id);

        List<Order> findByCustomer(String customerId);
    }
}
