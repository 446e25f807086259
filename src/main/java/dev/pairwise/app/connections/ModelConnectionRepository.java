package dev.pairwise.app.connections;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The stored connections. */
interface ModelConnectionRepository extends JpaRepository<ModelConnection, Long> {

    boolean existsByName(String name);

    boolean existsByNameAndIdNot(String name, Long id);

    List<ModelConnection> findAllByOrderByNameAsc();
}
