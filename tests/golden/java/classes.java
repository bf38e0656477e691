package com.shop.model;

import com.fasterxml.jackson.annotation.JsonProperty;

@Entity
public class Customer extends Base implements Serializable {
    private static final Logger LOG = LoggerFactory.getLogger(Customer.class);
    @JsonProperty("e_mail") private String email;
    @Column(name = "phone_number", nullable = false) private String phone;
    @SerializedName(value = "card") String cardNumber, cvv;
    @JsonProperty(value = "ssn") @Deprecated String ssn;
    private List<String> tags = new ArrayList<>();
    int count;

    static {
        LOG.info("loaded");
    }

    {
        count = 1;
    }

    @Autowired
    public Customer(String email) {
        super(email);
        this.email = email;
    }

    Customer() {
        this("none");
    }

    @GetMapping("/x")
    @org.springframework.web.bind.annotation.ResponseBody
    public String getEmail() {
        return this.email;
    }

    public abstract void noBody();

    static class Inner {
        String token = "t";

        void run(String... args) {
            System.out.println(args);
        }

        class Deeper {
            void go() {
            }
        }
    }
}

interface Repo {
    String NAME = "repo";

    Customer find(String id);

    default String describe(Customer c) {
        return NAME + c.email;
    }
}

enum Color {
    RED("r"), GREEN("g") {
        String code() {
            return "G";
        }
    };

    private final String code;

    Color(String code) {
        this.code = code;
    }
}
